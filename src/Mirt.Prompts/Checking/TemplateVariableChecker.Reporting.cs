using Mirt.Prompts.Loading;

namespace Mirt.Prompts.Checking;

/// <summary>
/// Where problems go: syntax problems and rule problems are reported once, by the walk of the file itself; variable
/// problems are reported by every walk, with the including template named when the file is a partial.
/// </summary>
internal sealed partial class TemplateVariableChecker
{
    private void ReportSyntax(TextPosition at, string message)
    {
        if (IsTopLevel)
        {
            _problems.AddStructural(_source.RelativePath, at, message);
        }
    }

    private void ReportRule(TextPosition at, string message)
    {
        if (IsTopLevel)
        {
            _problems.Add(_source.RelativePath, at, message);
        }
    }

    private void ReportVariable(TextPosition at, string message) =>
        _problems.Add(_source.RelativePath, at, IsTopLevel ? message : $"{message} (included from {_includedFrom})");
}
