package cn.zhenxing.server.http;

/**
 * A request the API refuses, with the HTTP status and, when one parameter is to blame, its name. Thrown
 * anywhere below a handler and turned into {@code {"error":{"parameter":…,"message":…}}} at the edge.
 */
public final class ApiException extends RuntimeException {

  private final int status;
  private final String parameter;

  public ApiException(int status, String parameter, String message) {
    super(message, null, false, false);
    this.status = status;
    this.parameter = parameter;
  }

  public static ApiException badParameter(String parameter, String message) {
    return new ApiException(400, parameter, message);
  }

  public int status() {
    return status;
  }

  /** The offending parameter, or null when the error is not about one parameter. */
  public String parameter() {
    return parameter;
  }
}
