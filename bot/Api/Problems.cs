namespace ExecOps.Bot.Api;

/// <summary>problem+json answers that say what was wrong and what to do.</summary>
public static class Problems
{
    public static IResult BadRequest(string detail) =>
        Results.Problem(title: "The request could not be used", detail: detail, statusCode: StatusCodes.Status400BadRequest);

    public static IResult Unauthorized(string detail) =>
        Results.Problem(title: "Not authenticated", detail: detail, statusCode: StatusCodes.Status401Unauthorized);
}
