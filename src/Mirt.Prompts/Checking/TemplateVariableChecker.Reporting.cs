namespace Mirt.Prompts.Checking;

/// <summary>
/// Where problems go: syntax problems and rule problems are reported once, by the walk of the file itself; variable
/// problems are reported by every walk, with the including template named when the file is a partial.
/// </summary>
internal sealed partial class TemplateVariableChecker
{
    private void ReportSyntax(int line, string message)
    {
        if (IsTopLevel)
        {
            _problems.AddStructural(_source.RelativePath, line, message);
        }
    }

    private void ReportRule(int line, string message)
    {
        if (IsTopLevel)
        {
            _problems.Add(_source.RelativePath, line, message);
        }
    }

    private void ReportVariable(int line, string message) =>
        _problems.Add(_source.RelativePath, line, IsTopLevel ? message : $"{message} (included from {_includedFrom})");
}
