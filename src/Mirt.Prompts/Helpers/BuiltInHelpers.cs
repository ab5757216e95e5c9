using HandlebarsDotNet;

namespace Mirt.Prompts.Helpers;

/// <summary>
/// Registers the helpers every template may use: <c>{{money x}}</c>, <c>{{join list ", "}}</c>,
/// <c>{{#eq a b}}…{{else}}…{{/eq}}</c> and <c>{{#any list}}…{{else}}…{{/any}}</c>.
/// </summary>
internal static class BuiltInHelpers
{
    public const string Money = "money";
    public const string Join = "join";
    public const string Eq = "eq";
    public const string Any = "any";
    private const string DefaultSeparator = ", ";

    /// <summary>Registers all helpers on <paramref name="handlebars"/>; call once, before compiling.</summary>
    public static void Register(IHandlebars handlebars)
    {
        handlebars.RegisterHelper(Money, (Context context, Arguments arguments) =>
            MoneyFormatter.Format(Argument(Money, arguments, 0)));

        handlebars.RegisterHelper(Join, (Context context, Arguments arguments) =>
            HelperValues.Join(
                Argument(Join, arguments, 0),
                arguments.Length > 1 ? HelperValues.ToComparableText(arguments[1]) : DefaultSeparator));

        handlebars.RegisterHelper(Eq, (EncodedTextWriter output, BlockHelperOptions options, Context context, Arguments arguments) =>
        {
            var left = HelperValues.ToComparableText(Argument(Eq, arguments, 0));
            var right = HelperValues.ToComparableText(Argument(Eq, arguments, 1));
            Branch(output, options, context, string.Equals(left, right, StringComparison.Ordinal));
        });

        handlebars.RegisterHelper(Any, (EncodedTextWriter output, BlockHelperOptions options, Context context, Arguments arguments) =>
            Branch(output, options, context, HelperValues.HasAny(Argument(Any, arguments, 0))));
    }

    private static void Branch(EncodedTextWriter output, BlockHelperOptions options, Context context, bool condition)
    {
        if (condition)
        {
            options.Template(output, context);
        }
        else
        {
            options.Inverse(output, context);
        }
    }

    private static object? Argument(string helper, Arguments arguments, int index) =>
        index < arguments.Length
            ? arguments[index]
            : throw new ArgumentException(
                $"The '{helper}' helper got {arguments.Length} argument(s) but needs at least {index + 1}; fix the call in the template.",
                nameof(arguments));
}
