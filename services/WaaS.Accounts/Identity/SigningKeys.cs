using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.IdentityModel.Tokens;

namespace WaaS.Accounts.Identity;

/// <summary>
/// The keys tokens are signed (and authorization codes encrypted) with. Outside Development both certificates must be
/// configured — a missing one stops the process saying what to set. In Development a key pair is created once and kept
/// in a directory (default: the temp directory), so a restart keeps issued tokens valid.
/// </summary>
public sealed record SigningKeys(SigningCredentials Signing, EncryptingCredentials Encryption)
{
    public const string SigningCertSetting = "WAAS_IDENTITY_SIGNING_CERT";
    public const string SigningPasswordSetting = "WAAS_IDENTITY_SIGNING_CERT_PASSWORD";
    public const string EncryptionCertSetting = "WAAS_IDENTITY_ENCRYPTION_CERT";
    public const string EncryptionPasswordSetting = "WAAS_IDENTITY_ENCRYPTION_CERT_PASSWORD";
    public const string DevelopmentKeysSetting = "WAAS_IDENTITY_DEV_KEYS";

    public static SigningKeys From(IConfiguration configuration, bool development)
    {
        var signing = configuration[SigningCertSetting];
        var encryption = configuration[EncryptionCertSetting];
        if (string.IsNullOrWhiteSpace(signing) || string.IsNullOrWhiteSpace(encryption))
        {
            if (!development)
            {
                throw new InvalidOperationException(
                    $"{(string.IsNullOrWhiteSpace(signing) ? SigningCertSetting : EncryptionCertSetting)} is not set. Outside Development the Accounts " +
                    $"service signs access tokens and encrypts authorization codes with configured certificates: set {SigningCertSetting} and " +
                    $"{EncryptionCertSetting} to PFX files (passwords in {SigningPasswordSetting} / {EncryptionPasswordSetting}) or PEM files " +
                    "holding the certificate and its private key.");
            }
            return Development(configuration[DevelopmentKeysSetting] is { Length: > 0 } dir ? dir : Path.Combine(Path.GetTempPath(), "waas-accounts-dev-keys"));
        }
        var signingCert = Load(signing, configuration[SigningPasswordSetting], SigningCertSetting);
        var encryptionCert = Load(encryption, configuration[EncryptionPasswordSetting], EncryptionCertSetting);
        return new SigningKeys(
            new SigningCredentials(new X509SecurityKey(signingCert), SecurityAlgorithms.RsaSha256),
            new EncryptingCredentials(new X509SecurityKey(encryptionCert), SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));
    }

    private static X509Certificate2 Load(string path, string? password, string setting)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{setting} names '{path}', which does not exist.");
        }
        var certificate = Path.GetExtension(path).ToLowerInvariant() is ".pfx" or ".p12"
            ? X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet)
            : string.IsNullOrEmpty(password) ? X509Certificate2.CreateFromPemFile(path) : X509Certificate2.CreateFromEncryptedPemFile(path, password);
        return certificate.HasPrivateKey ? certificate
            : throw new InvalidOperationException($"The certificate in {setting} ('{path}') has no private key.");
    }

    /// <summary>An RSA key pair for signing and a 256-bit key for encryption, created on first use and kept in
    /// <paramref name="directory"/> (several processes may start at once: the first file written wins).</summary>
    public static SigningKeys Development(string directory)
    {
        Directory.CreateDirectory(directory);
        var rsa = RSA.Create();
        rsa.ImportFromPem(ReadOrCreate(Path.Combine(directory, "signing-rsa.pem"), () =>
        {
            using var fresh = RSA.Create(2048);
            return fresh.ExportRSAPrivateKeyPem();
        }));
        var aes = Convert.FromBase64String(ReadOrCreate(Path.Combine(directory, "encryption-aes.txt"),
            () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
        var keyId = Base64UrlEncoder.Encode(SHA256.HashData(rsa.ExportRSAPublicKey()))[..16];
        return new SigningKeys(
            new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = keyId }, SecurityAlgorithms.RsaSha256),
            new EncryptingCredentials(new SymmetricSecurityKey(aes) { KeyId = "dev-" + keyId }, SecurityAlgorithms.Aes256KW, SecurityAlgorithms.Aes256CbcHmacSha512));
    }

    private static string ReadOrCreate(string path, Func<string> create)
    {
        for (var attempt = 0; ; attempt++)
        {
            if (File.Exists(path) && File.ReadAllText(path) is { Length: > 0 } existing)
            {
                return existing;
            }
            var temp = path + "." + Guid.NewGuid().ToString("N");
            File.WriteAllText(temp, create());
            try
            {
                File.Move(temp, path, overwrite: false);
            }
            catch (IOException) when (attempt < 5)
            {
                File.Delete(temp);
            }
        }
    }
}
