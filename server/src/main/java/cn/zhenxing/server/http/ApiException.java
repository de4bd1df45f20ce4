package cn.zhenxing.server.http;

/**
 * A request the API refuses, with the HTTP status and, when one parameter is to blame, its name. Thrown
 * anywhere below a handler and turned into {@code {"error":{"parameter":…,"message":…}}} at the edge.
 */
public final class ApiException extends RuntimeException {

  private final int status;
  private final String parameter;
  private final String location;

  public ApiException(int status, String parameter, String message) {
    this(status, parameter, message, null);
  }

  private ApiException(int status, String parameter, String message, String location) {
    super(message, null, false, false);
    this.status = status;
    this.parameter = parameter;
    this.location = location;
  }

  /** The same refusal pointing at a resource it is about (a 409 at the job that runs): sent as Location. */
  public ApiException at(String location) {
    return new ApiException(status, parameter, getMessage(), location);
  }

  /** The Location to send, or null. */
  public String location() {
    return location;
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
