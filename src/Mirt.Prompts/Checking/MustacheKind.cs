namespace Mirt.Prompts.Checking;

/// <summary>What a <c>{{ … }}</c> tag does, judged by its leading sigil.</summary>
internal enum MustacheKind
{
    /// <summary><c>{{! … }}</c> or <c>{{!-- … --}}</c>.</summary>
    Comment,

    /// <summary><c>{{x}}</c>, <c>{{{x}}}</c>, <c>{{&amp;x}}</c> or a helper call <c>{{money x}}</c>.</summary>
    Variable,

    /// <summary><c>{{#helper …}}</c>.</summary>
    BlockOpen,

    /// <summary><c>{{^x}}</c>: renders when x is falsy.</summary>
    InverseOpen,

    /// <summary><c>{{else}}</c>, <c>{{^}}</c> or a chained <c>{{else if x}}</c>.</summary>
    Else,

    /// <summary><c>{{/name}}</c>.</summary>
    Close,

    /// <summary><c>{{&gt; partial}}</c>.</summary>
    Partial,

    /// <summary><c>{{#&gt; partial}}</c>: a partial with a block.</summary>
    PartialBlockOpen,

    /// <summary><c>{{#*inline "name"}}</c>: a decorator block.</summary>
    DecoratorBlockOpen,

    /// <summary><c>{{* decorator}}</c>.</summary>
    Decorator,
}
