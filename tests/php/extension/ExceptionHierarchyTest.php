<?php
declare(strict_types=1);

use PHPUnit\Framework\TestCase;

final class ExceptionHierarchyTest extends TestCase
{
    public function testRootExtendsException(): void
    {
        $this->assertSame(\Exception::class, get_parent_class(\Sofinco\SofincoException::class));
    }

    /** @dataProvider children */
    #[\PHPUnit\Framework\Attributes\DataProvider('children')]
    public function testEveryExceptionHasItsParent(string $class, string $parent): void
    {
        $this->assertSame($parent, get_parent_class($class));
        $this->assertTrue(is_subclass_of($class, \Sofinco\SofincoException::class));
    }

    public static function children(): array
    {
        return [
            ['Sofinco\ConfigException', 'Sofinco\SofincoException'],
            ['Sofinco\InvalidInputException', 'Sofinco\SofincoException'],
            ['Sofinco\AuthException', 'Sofinco\SofincoException'],
            ['Sofinco\TransportException', 'Sofinco\SofincoException'],
            ['Sofinco\ApiException', 'Sofinco\SofincoException'],
            ['Sofinco\NotFoundException', 'Sofinco\ApiException'],
            ['Sofinco\UnknownStatusException', 'Sofinco\SofincoException'],
        ];
    }

    public function testApiExceptionsExposeStatusAndCode(): void
    {
        foreach (['Sofinco\ApiException', 'Sofinco\NotFoundException'] as $class) {
            $this->assertTrue(method_exists($class, 'getHttpStatus'), $class);
            $this->assertTrue(method_exists($class, 'getApiCode'), $class);
        }
    }
}
