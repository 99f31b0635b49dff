package io.segstream.runtime.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Tomcat's own error page for what it refuses before any application code runs (an encoded slash or NUL in the
 * path, an overlong UTF-8 sequence): problem+json like every other error, without server details.
 */
public class ProblemErrorReportValve extends ErrorReportValve {
    public ProblemErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String code = status == 400 ? ProblemCodes.BAD_PARAMETER
                : status == 404 ? ProblemCodes.NOT_FOUND : ProblemCodes.INTERNAL_ERROR;
        String detail = status == 400 ? "the request line or path is malformed" : "the request cannot be served";
        String body = "{\"type\":\"about:blank\",\"status\":" + status + ",\"detail\":\"" + detail
                + "\",\"code\":\"" + code + "\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client went away; nothing more to say.
        }
    }
}
