using System.Xml.Linq;
using ExecOps.Workflows.Storage;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace ExecOps.Bot.Hosting;

/// <summary>
/// Data Protection's key ring in the database the replicas share, so a link signed or a session
/// started on one replica is read on any other. Data Protection asks for it synchronously and seldom
/// (once per key ring refresh), so the blocking wait here costs nothing that matters.
/// </summary>
public sealed class DatabaseKeyRing(Store store) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() =>
        [.. store.ReadAsync(scope => scope.KeyRing.AllAsync()).GetAwaiter().GetResult().Select(XElement.Parse)];

    public void StoreElement(XElement element, string friendlyName) =>
        store.WriteAsync(async u => { await u.KeyRing.AddAsync(friendlyName, element.ToString(SaveOptions.DisableFormatting)); return true; }).GetAwaiter().GetResult();

    /// <summary>
    /// Makes the first key before the replica serves anything, one replica at a time: replicas that
    /// started together would otherwise each make a key of their own at first use and, until their key
    /// rings refresh, refuse each other's links.
    /// </summary>
    public static async Task EnsureKeyAsync(Database database, IKeyManager keys, TimeProvider clock)
    {
        await using var held = await database.LockAsync("data-protection-key-ring");
        var now = clock.GetUtcNow();
        if (!keys.GetAllKeys().Any(k => !k.IsRevoked && k.ActivationDate <= now && k.ExpirationDate > now.AddDays(2)))
            keys.CreateNewKey(now, now.AddDays(90));
    }
}
