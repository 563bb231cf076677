namespace Stepwise.Jsonata.Tests.Language;

/// <summary>Spot checks of the language, one per feature; the jsonata-js suite (Stepwise.Conformance) covers it all.</summary>
public sealed class LanguageTests
{
    private const string Orders = """
        {"Account":{"Order":[
          {"OrderID":"o1","Product":[{"Name":"Hat","Price":10,"Quantity":2},{"Name":"Cloak","Price":100,"Quantity":1}]},
          {"OrderID":"o2","Product":[{"Name":"Hat","Price":10,"Quantity":1}]}]}}
        """;

    [Theory]
    [InlineData("Account.Order.Product.Name", """["Hat","Cloak","Hat"]""")]
    [InlineData("Account.Order[0].Product[1].Name", "\"Cloak\"")]
    [InlineData("Account.Order.Product[Price > 50].Name", "\"Cloak\"")]
    [InlineData("Account.Order[1].Product.Name", "\"Hat\"")]
    [InlineData("Account.Order[1].Product[].Name", """["Hat"]""")]
    [InlineData("Account.Order.Product{Name: $sum(Price)}", """{"Hat":20,"Cloak":100}""")]
    [InlineData("$sum(Account.Order.Product.(Price * Quantity))", "130")]
    [InlineData("Account.Order.Product^(>Price, Name).Name", """["Cloak","Hat","Hat"]""")]
    [InlineData("Account.Order#$i.Product.{'i': $i, 'n': Name}", """[{"i":0,"n":"Hat"},{"i":0,"n":"Cloak"},{"i":1,"n":"Hat"}]""")]
    [InlineData("Account.Order@$o.$o.Product.{'o': $o.OrderID, 'n': Name}", """[{"o":"o1","n":"Hat"},{"o":"o1","n":"Cloak"},{"o":"o2","n":"Hat"}]""")]
    [InlineData("Account.Order.Product.{'n': Name, 'order': %.OrderID}", """[{"n":"Hat","order":"o1"},{"n":"Cloak","order":"o1"},{"n":"Hat","order":"o2"}]""")]
    [InlineData("**.Price", "[10,100,10]")]
    [InlineData("Account.*.OrderID", """["o1","o2"]""")]
    public void Paths_predicates_grouping_sorting_and_bindings(string expression, string expected)
    {
        Assert.Equal(expected, Jsonata.Eval(expression, Orders));
    }

    [Theory]
    [InlineData("[1, [2, 3], [[4]]]", "[1,[2,3],[[4]]]")]
    [InlineData("[1..3, 5]", "[1,2,3,5]")]
    [InlineData("1 + 2 * 3 - 4 / 2 % 3", "5")]
    [InlineData("'a' & 1 & true & null", "\"a1truenull\"")]
    [InlineData("3 in [1, 2, 3] and $not(false) or false", "true")]
    [InlineData("x ?? 'default'", "\"default\"")]
    [InlineData("0 ?: 'falsy'", "\"falsy\"")]
    [InlineData("5 > 3 ? 'yes' : 'no'", "\"yes\"")]
    [InlineData("($x := 2; $y := $x * 3; $x + $y)", "8")]
    [InlineData("(function($a, $b){ $a * $b })(6, 7)", "42")]
    [InlineData("($add := function($a, $b){ $a + $b }; $inc := $add(?, 1); $inc(41))", "42")]
    [InlineData("($f := function($x){ function($y){ $x + $y } }; $f(40)(2))", "42")]
    [InlineData("'hello' ~> $uppercase ~> $substring(0, 3)", "\"HEL\"")]
    [InlineData("($twice := $uppercase ~> $lowercase; $twice('MiXeD'))", "\"mixed\"")]
    [InlineData("λ($s)<s:n>{ $length($s) }('four')", "4")]
    [InlineData("{'a': 1, 'b': {'c': 2}} ~> |b| {'c': 3, 'd': 4}, ['c']|", """{"a":1,"b":{"d":4}}""")]
    [InlineData("/a(b+)/('xabbby').groups", """["bbb"]""")]
    [InlineData("$match('a1b22c333', /[0-9]+/).match", """["1","22","333"]""")]
    [InlineData("$replace('John Smith', /(\\w+)\\s(\\w+)/, '$2, $1')", "\"Smith, John\"")]
    [InlineData("$split('a, b,c', /,\\s*/)", """["a","b","c"]""")]
    [InlineData("/* comment */ 1", "1")]
    public void Operators_lambdas_and_literals(string expression, string expected)
    {
        Assert.Equal(expected, Jsonata.Eval(expression));
    }

    [Fact]
    public void Built_objects_order_array_index_keys_first_as_JavaScript_does()
    {
        Assert.Equal("""{"2":"b","10":"c","x":"a","01":"d"}""", Jsonata.Eval("{'x': 'a', '10': 'c', '2': 'b', '01': 'd'}"));
        Assert.Equal("""["2","10","x"]""", Jsonata.Eval("$keys({'x': 1, '10': 2, '2': 3})"));
    }

    [Fact]
    public void A_focus_binding_keeps_the_context_of_the_step()
    {
        // Order@$o binds each order to $o while the context stays on Account: Product is not a field of Account.
        Assert.Equal("undefined", Jsonata.Eval("Account.Order@$o.Product", Orders));
    }

    [Theory]
    [InlineData("1 + 'a'", "T2002")]
    [InlineData("'a' < 1", "T2009")]
    [InlineData("{} < 1", "T2010")]
    [InlineData("1..'a'", "S0201")]
    [InlineData("[1..'a']", "T2004")]
    [InlineData("$undefinedFunction()", "T1006")]
    [InlineData("{'a': 1, 'a': 2}", "D1009")]
    [InlineData("{1: 2}", "T1003")]
    [InlineData("$error('boom')", "D3137")]
    [InlineData("'unterminated", "S0101")]
    [InlineData("$x := 1 +", "S0207")]
    [InlineData("not(false)", "T1005")]
    [InlineData("1 = = 1", "S0211")]
    public void Errors_carry_jsonata_js_codes(string expression, string code)
    {
        Assert.Equal(code, Jsonata.Error(expression).Code);
    }
}
