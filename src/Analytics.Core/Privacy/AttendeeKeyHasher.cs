using System.Security.Cryptography;
using System.Text;

namespace Analytics.Core.Privacy;

/// <summary>
/// Turns an identifier (a Meetup member id, an e-mail) into a pseudonymous attendee key with HMAC-SHA256 under a
/// deployment secret. A plain hash is not enough: a dictionary of e-mails would reverse it. The identifier itself is
/// never stored.
/// </summary>
public sealed class AttendeeKeyHasher
{
    private readonly byte[] _secret;

    public AttendeeKeyHasher(byte[] secret)
    {
        if (secret.Length < 32)
            throw new ArgumentException("The attendee key secret must be at least 32 bytes.", nameof(secret));
        _secret = secret;
    }

    public string ForMeetupMember(string memberId) => Key("meetup", memberId.Trim());

    public string ForEmail(string email) => Key("email", email.Trim().ToLowerInvariant());

    private string Key(string kind, string identifier)
    {
        var mac = HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes($"{kind}:{identifier}"));
        // 128 bits is ample against collisions in any realistic network and keeps keys short.
        return Convert.ToHexStringLower(mac.AsSpan(0, 16));
    }
}
