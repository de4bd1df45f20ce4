package cn.zhenxing.server.http;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The JSON shape of every error: {@code {"error":{"parameter":"page","message":"…"}}}. */
public record ErrorBody(Detail error) {

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Detail(String parameter, String message) {}

  public static ErrorBody of(String parameter, String message) {
    return new ErrorBody(new Detail(parameter, message));
  }
}
