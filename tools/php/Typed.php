<?php
// Builds the extension's typed inputs from the arrays the tests write (snake_case keys, as
// the problem messages name them), so a test reads as its data. Parses on PHP 7.4 (the
// phper engine runs these suites too).
declare(strict_types=1);

namespace Sofinco\Tests\Support;

final class Typed
{
    /** Nested input objects, by the key that holds them. */
    private const NESTED = ['customer' => 'Sofinco\\Customer', 'address' => 'Sofinco\\Address'];

    /** `first_name` → `firstName`. */
    public static function camel(string $key): string
    {
        return lcfirst(str_replace(' ', '', ucwords(str_replace('_', ' ', $key))));
    }

    /**
     * A new $class with $values set (snake_case or camelCase keys); a nested array under
     * `customer` or `address` becomes its object. A value already an object stays.
     *
     * @return object
     */
    public static function make(string $class, array $values)
    {
        $object = new $class();
        foreach ($values as $key => $value) {
            if (is_array($value) && isset(self::NESTED[$key])) {
                $value = self::make(self::NESTED[$key], $value);
            }
            $object->{self::camel((string) $key)} = $value;
        }
        return $object;
    }

    public static function config(array $values): \Sofinco\ClientConfig
    {
        return self::make('Sofinco\\ClientConfig', $values);
    }

    public static function order(array $values): \Sofinco\JourneyOrder
    {
        return self::make('Sofinco\\JourneyOrder', $values);
    }

    public static function options(array $values): \Sofinco\SyncOptions
    {
        return self::make('Sofinco\\SyncOptions', $values);
    }

    /** @param array|\Sofinco\Attempt $row */
    public static function attempt($row): \Sofinco\Attempt
    {
        return is_array($row) ? self::make('Sofinco\\Attempt', $row) : $row;
    }

    /** @return list<\Sofinco\Attempt> */
    public static function attempts(array $rows): array
    {
        return array_map([self::class, 'attempt'], array_values($rows));
    }

    /** @return list<\Sofinco\TrackedOrder> */
    public static function tracked(array $rows): array
    {
        return array_map(function ($row) {
            return is_array($row) ? self::make('Sofinco\\TrackedOrder', $row) : $row;
        }, array_values($rows));
    }

    /** @return list<\Sofinco\FundingRequest> */
    public static function fundings(array $rows): array
    {
        return array_map(function ($row) {
            return is_array($row) ? self::make('Sofinco\\FundingRequest', $row) : $row;
        }, array_values($rows));
    }

    public static function cancel(array $values): \Sofinco\CancelRequest
    {
        return self::make('Sofinco\\CancelRequest', $values);
    }

    /** A cron's result array (ok, locked, error_code, summary.errors) as its CronResult. */
    public static function cronResult(array $result): \Sofinco\CronResult
    {
        $facts = new \Sofinco\CronResult();
        foreach (['ok', 'locked'] as $key) {
            if (array_key_exists($key, $result)) {
                $facts->{$key} = $result[$key];
            }
        }
        if (array_key_exists('error_code', $result)) {
            $facts->errorCode = $result['error_code'];
        }
        if (isset($result['summary']['errors'])) {
            $facts->errors = $result['summary']['errors'];
        }
        return $facts;
    }
}
