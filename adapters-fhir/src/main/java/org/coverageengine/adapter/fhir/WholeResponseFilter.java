package org.coverageengine.adapter.fhir;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Sends each response whole, with a Content-Length, in one write.
 *
 * <p>HAPI's JSON encoder writes every primitive value through Jackson's {@code ObjectMapper.writeValue}, which
 * flushes after each value; on a servlet response every such flush went down to the socket as one HTTP chunk. A
 * 50-line answer (about 70 KB, some 900 values) took about 900 system calls, and that flushing was a third of the
 * server's CPU under load (measured with a profiler). Responses are bounded (the request's item limit bounds the
 * answer), so buffering them is cheap; it also lets clients see the length up front.
 */
final class WholeResponseFilter implements Filter {

    private final AnswerRecorder recorder;

    WholeResponseFilter(AnswerRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (!(response instanceof HttpServletResponse http)) {
            chain.doFilter(request, response);
            return;
        }
        BufferedResponse buffered = new BufferedResponse(http);
        chain.doFilter(request, buffered);
        if (request instanceof jakarta.servlet.http.HttpServletRequest httpRequest) {
            // The whole answer is known here and none of it has left: the one place to record it first.
            AnswerRecorder.Refusal refusal = recorder.beforeRelease(httpRequest, buffered.getStatus(), buffered.getContentType(), buffered.bytes());
            if (refusal != null) {
                buffered.replaceWith(refusal);
            }
        }
        buffered.sendWhole();
    }

    /** A response whose body is kept in memory until the request is done; flushes do not reach the client. */
    private static final class BufferedResponse extends HttpServletResponseWrapper {
        private final ByteArrayOutputStream body = new ByteArrayOutputStream(16 * 1024);
        private ServletOutputStream stream;
        private PrintWriter writer;

        BufferedResponse(HttpServletResponse response) {
            super(response);
        }

        @Override
        public ServletOutputStream getOutputStream() {
            if (writer != null) {
                throw new IllegalStateException("getWriter() was already called on this response");
            }
            if (stream == null) {
                stream = new ServletOutputStream() {
                    @Override
                    public void write(int b) {
                        body.write(b);
                    }

                    @Override
                    public void write(byte[] bytes, int offset, int length) {
                        body.write(bytes, offset, length);
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        throw new UnsupportedOperationException("responses are written synchronously");
                    }
                };
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() {
            if (stream != null) {
                throw new IllegalStateException("getOutputStream() was already called on this response");
            }
            if (writer == null) {
                String encoding = getCharacterEncoding();
                Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
                writer = new PrintWriter(new OutputStreamWriter(body, charset), false);
            }
            return writer;
        }

        @Override
        public void flushBuffer() {
            // Kept until the whole response is known.
        }

        @Override
        public void resetBuffer() {
            flushWriter();
            body.reset();
            super.resetBuffer();
        }

        @Override
        public void reset() {
            flushWriter();
            body.reset();
            super.reset();
        }

        @Override
        public void setContentLength(int length) {
            // Set from the buffered body when it is sent.
        }

        @Override
        public void setContentLengthLong(long length) {
            // Set from the buffered body when it is sent.
        }

        byte[] bytes() {
            flushWriter();
            return body.toByteArray();
        }

        void replaceWith(AnswerRecorder.Refusal refusal) {
            flushWriter();
            body.reset();
            HttpServletResponse response = (HttpServletResponse) getResponse();
            response.setStatus(refusal.status());
            response.setContentType(refusal.contentType());
            response.setHeader("Retry-After", refusal.retryAfterSeconds());
            response.setHeader("Content-Location", null);
            response.setHeader("Location", null);
            response.setHeader("ETag", null);
            response.setHeader("Last-Modified", null);
            body.writeBytes(refusal.body());
        }

        private void flushWriter() {
            if (writer != null) {
                writer.flush();
            }
        }

        void sendWhole() throws IOException {
            flushWriter();
            HttpServletResponse response = (HttpServletResponse) getResponse();
            if (response.isCommitted()) {
                return;
            }
            response.setContentLength(body.size());
            if (body.size() > 0) {
                ServletOutputStream out = response.getOutputStream();
                body.writeTo(out);
                out.flush();
            }
        }
    }
}
