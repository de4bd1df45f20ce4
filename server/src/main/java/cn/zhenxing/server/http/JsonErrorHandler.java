package cn.zhenxing.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers itself, before the request reaches Javalin (a URI or header too large, a malformed
 * request), get the same JSON body as every other API error instead of Jetty's HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Every method gets the JSON body: Jetty's default answers a DELETE or PUT with a bare status. */
  @Override
  public boolean errorPageForMethod(String method) {
    return true;
  }

  @Override
  protected void generateResponse(
      Request request, Response response, int code, String message, Throwable cause, Callback callback)
      throws IOException {
    String text = switch (code) {
      case HttpStatus.URI_TOO_LONG_414 -> "the request URI is too long (a q of at most 500 characters fits)";
      case HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE_431 -> "the request headers are too large";
      // Jetty's own words for a URI it refuses say nothing about which rule it broke.
      case HttpStatus.BAD_REQUEST_400 -> switch (message == null ? "" : message) {
        case "", "Bad Request" -> "the request URI is not allowed: its path holds an encoded character a path may not"
            + " contain (such as %00) or an encoded .. that climbs above the root";
        case "Bad UTF-8 encoding" -> "the request URI's %-escapes are not valid UTF-8";
        default -> message;
      };
      default -> message == null || message.isBlank() ? HttpStatus.getMessage(code) : message;
    };
    byte[] body = JSON.writeValueAsBytes(ErrorBody.of(null, text));
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
    // A site calling the read API must see why its request failed, not a bare network error; the body names
    // no more than the URI's fault. Admin paths stay without CORS, as everywhere.
    String path = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
    if (path == null || !path.startsWith("/api/admin")) {
      response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
    }
    response.write(true, ByteBuffer.wrap(body), callback);
  }
}
