namespace ExecOps.Bot.Teams.Connector;

/// <summary>
/// A person in a Teams conversation as the Connector describes them. Id is the Teams user id
/// ("29:…"); AadObjectId is the same person in Entra ID; Email is their email or, lacking one, their UPN.
/// </summary>
public sealed record TeamsMember(string Id, string? Name, string? AadObjectId, string? Email);
