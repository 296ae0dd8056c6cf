<?php
declare(strict_types=1);

namespace Sofinco\Tests\Shop\Support;

/** One HTTP answer: final status, final URL (after redirects), response headers and body. */
final class ShopResponse
{
    /** @param array<string, list<string>> $headers lower-cased names, last response only */
    public function __construct(
        public readonly int $status,
        public readonly string $url,
        public readonly array $headers,
        public readonly string $body,
    ) {
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
