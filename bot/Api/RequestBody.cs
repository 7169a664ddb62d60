using Microsoft.AspNetCore.Http.Features;

namespace ExecOps.Bot.Api;

/// <summary>
/// Reads a request body into memory up to a limit, so a body that lies about its length, or gives none
/// (chunked), cannot grow past it. The server is told the limit too, so it does not go on reading the
/// rest of an oversized body after the answer to keep the connection: it closes it instead.
/// </summary>
public static class RequestBody
{
    /// <returns>The body, or null when it is longer than <paramref name="maxBytes"/>.</returns>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, long maxBytes)
    {
        if (request.ContentLength > maxBytes) return null;
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = maxBytes;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
            {
                if (buffer.Length + read > maxBytes) return null;
                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
        return buffer.ToArray();
    }
}
