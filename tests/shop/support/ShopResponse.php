<?php
declare(strict_types=1);

namespace Sofinco\Tests\Shop\Support;

/** One HTTP answer: final status, final URL (after redirects), response headers and body. */
final class ShopResponse
{
    // Plain public properties, not readonly promotion: the suite also runs on PHP 7.4.
    /** @var int */
    public $status;
    /** @var string */
    public $url;
    /** @var array<string, list<string>> lower-cased names, last response only */
    public $headers;
    /** @var string */
    public $body;

    public function __construct(int $status, string $url, array $headers, string $body)
    {
        $this->status = $status;
        $this->url = $url;
        $this->headers = $headers;
        $this->body = $body;
    }

    public function header(string $name): ?string
    {
        return $this->headers[strtolower($name)][0] ?? null;
    }

    /** The text of <title>, whitespace collapsed. */
    public function title(): string
    {
        return preg_match('~<title>(.*?)</title>~is', $this->body, $m) === 1
            ? trim((string) preg_replace('/\s+/u', ' ', html_entity_decode($m[1], ENT_QUOTES | ENT_HTML5, 'UTF-8')))
            : '';
    }
}
