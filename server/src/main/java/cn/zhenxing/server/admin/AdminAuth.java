package cn.zhenxing.server.admin;

import cn.zhenxing.server.http.ApiException;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Guards the admin API with a bearer token. Without a configured token the admin API is off (403 says how to
 * turn it on); a missing or wrong token is a 401. Tokens are compared as SHA-256 digests with
 * {@link MessageDigest#isEqual}, which takes the same time whatever the input, so timing reveals nothing.
 */
public final class AdminAuth {

  private final byte[] expectedDigest;

  /** @param token the configured token, or null when the admin API is off */
  public AdminAuth(String token) {
    this.expectedDigest = token == null ? null : sha256(token);
  }

  public boolean enabled() {
    return expectedDigest != null;
  }

  /** Throws the right 401/403 unless the request carries the token. */
  public void check(Context ctx) {
    if (expectedDigest == null) {
      throw new ApiException(403, null,
          "the admin API is switched off: start the server with ZHENXING_ADMIN_TOKEN set to enable it");
    }
    String header = ctx.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"zhenxing-admin\"");
      throw new ApiException(401, null, "admin endpoints need the header Authorization: Bearer <token>");
    }
    if (!MessageDigest.isEqual(expectedDigest, sha256(header.substring(7).strip()))) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"zhenxing-admin\", error=\"invalid_token\"");
      throw new ApiException(401, null, "the admin token is not valid");
    }
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
