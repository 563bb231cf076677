namespace Stepwise.Jsonata.Tests.Functions;

/// <summary>Spot checks of the function library; the jsonata-js suite (Stepwise.Conformance) covers it all.</summary>
public sealed class FunctionTests
{
    [Theory]
    [InlineData("$string(0.1 + 0.2)", "\"0.3\"")]
    [InlineData("$string({'a': [1, true, null]}, true)", "\"{\\n  \\\"a\\\": [\\n    1,\\n    true,\\n    null\\n  ]\\n}\"")]
    [InlineData("$substring('😀abc', 1, 2)", "\"ab\"")]
    [InlineData("$length('😀')", "1")]
    [InlineData("$pad('x', -3, '#')", "\"##x\"")]
    [InlineData("$trim('  a   b  ')", "\"a b\"")]
    [InlineData("$join(['a', 'b'], '-')", "\"a-b\"")]
    [InlineData("$round(2.5)", "2")]
    [InlineData("$round(3.5)", "4")]
    [InlineData("$round(1.005, 2)", "1")]
    [InlineData("$number('0x1F')", "31")]
    [InlineData("$average([1, 2, 3, 4])", "2.5")]
    [InlineData("$max([1, 5, 3])", "5")]
    [InlineData("$keys({'a': 1, 'b': 2})", """["a","b"]""")]
    [InlineData("$merge([{'a': 1}, {'b': 2}, {'a': 3}])", """{"a":3,"b":2}""")]
    [InlineData("$spread({'a': 1, 'b': 2})", """[{"a":1},{"b":2}]""")]
    [InlineData("$each({'a': 1}, function($v, $k){ $k & $v })", "\"a1\"")]
    [InlineData("$sift({'a': 1, 'b': 2}, function($v){ $v > 1 })", """{"b":2}""")]
    [InlineData("$map([1, 2, 3], function($v, $i){ $v * $i })", "[0,2,6]")]
    [InlineData("$filter([1, 2, 3, 4], function($v){ $v % 2 = 0 })", "[2,4]")]
    [InlineData("$reduce([1, 2, 3, 4], function($acc, $v){ $acc + $v })", "10")]
    [InlineData("$single([1, 2, 3], function($v){ $v = 2 })", "2")]
    [InlineData("$sort([3, 1, 2])", "[1,2,3]")]
    [InlineData("$sort(['b', 'a'], function($l, $r){ $l < $r })", """["b","a"]""")]
    [InlineData("$zip([1, 2], ['a', 'b'])", """[[1,"a"],[2,"b"]]""")]
    [InlineData("$distinct([1, 2, 1, [1], [1]])", "[1,2,[1]]")]
    [InlineData("$reverse([1, 2, 3])", "[3,2,1]")]
    [InlineData("$append([1], 2)", "[1,2]")]
    [InlineData("$type(function(){1})", "\"function\"")]
    [InlineData("$boolean([0, ''])", "false")]
    [InlineData("$exists(nothing)", "false")]
    [InlineData("$base64decode($base64encode('hello'))", "\"hello\"")]
    [InlineData("$base64decode('aGVsbG8')", "\"hello\"")]
    [InlineData("$contains('é', /\\w/)", "false")]
    [InlineData("$encodeUrlComponent('a b&c')", "\"a%20b%26c\"")]
    [InlineData("$decodeUrl('%2Fa%20b')", "\"%2Fa b\"")]
    [InlineData("$eval('1 + $x', {'x': 2})", "undefined")]
    [InlineData("$eval('[1, 2]')", "[1,2]")]
    [InlineData("$formatNumber(1234.5, '#,##0.00')", "\"1,234.50\"")]
    [InlineData("$formatInteger(42, 'w')", "\"forty-two\"")]
    [InlineData("$fromMillis(0)", "\"1970-01-01T00:00:00.000Z\"")]
    [InlineData("$toMillis('1970-01-02T00:00:00Z')", "86400000")]
    [InlineData("$contains('abc', /B/i)", "true")]
    public void Built_ins_compute_as_jsonata_js(string expression, string expected)
    {
        Assert.Equal(expected, Jsonata.Eval(expression));
    }

    [Theory]
    [InlineData("$sqrt(-1)", "D3060")]
    [InlineData("$power(10, 1000)", "D3061")]
    [InlineData("$number('abc')", "D3030")]
    [InlineData("$replace('abc', '', 'x')", "D3010")]
    [InlineData("$single([1, 2])", "D3138")]
    [InlineData("$single([])", "D3139")]
    [InlineData("$sort([1, 'a'])", "D3070")]
    [InlineData("$reduce([1], function($x){ $x })", "D3050")]
    [InlineData("$assert(false, 'nope')", "D3141")]
    [InlineData("$decodeUrlComponent('%E0%A4%A')", "D3140")]
    [InlineData("$match('aaa', /x*/)", "D1004")]
    public void Built_ins_fail_with_jsonata_js_codes(string expression, string code)
    {
        Assert.Equal(code, Jsonata.Error(expression).Code);
    }
}
