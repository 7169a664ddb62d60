namespace ExecOps.Cards;

public enum ButtonStyle { Default, Positive, Destructive }

public abstract record CardButton(string Title);

/// <summary>A button that runs an action at once, carrying the data the action needs.</summary>
public sealed record ActionButton(string Title, string ActionId, IReadOnlyDictionary<string, string> Data, ButtonStyle Style = ButtonStyle.Default) : CardButton(Title);

/// <summary>A button that opens a small form and runs the action with what was typed into it.</summary>
public sealed record FormButton(string Title, string ActionId, IReadOnlyDictionary<string, string> Data, IReadOnlyList<CardInput> Inputs, string SubmitTitle = "Submit") : CardButton(Title);

public sealed record LinkButton(string Title, string Url) : CardButton(Title);

public abstract record CardInput(string Id, string Label, bool Required);

public sealed record TextInput(string Id, string Label, bool Required = true, string? Placeholder = null, bool Multiline = false, int? MaxLength = null) : CardInput(Id, Label, Required);

public sealed record Choice(string Title, string Value);

public sealed record ChoiceInput(string Id, string Label, IReadOnlyList<Choice> Choices, bool Required = true) : CardInput(Id, Label, Required);
