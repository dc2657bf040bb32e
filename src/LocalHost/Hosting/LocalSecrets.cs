using System.Security.Cryptography;

namespace MonaSpark.LocalHost.Hosting;

/// <summary>
/// Secrets the local host makes for itself when none is configured: the link signing key, 32 random
/// bytes in <c>{data}/secrets/link-signing.key</c>, readable by the owner only. Links minted by one run
/// keep working in the next; deleting the file invalidates them all (a rotation without grace).
/// </summary>
internal static class LocalSecrets
{
    public static string LinkSigningKey(string dataDirectory)
    {
        var directory = Path.Combine(dataDirectory, "secrets");
        var path = Path.Combine(directory, "link-signing.key");
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        Directory.CreateDirectory(directory);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, key);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temporary, path, overwrite: false);
        return key;
    }
}
