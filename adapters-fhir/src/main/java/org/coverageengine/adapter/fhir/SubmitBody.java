package org.coverageengine.adapter.fhir;

import ca.uhn.fhir.rest.api.EncodingEnum;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The raw body of a $submit call: its media type checked (415), its size limited while it is read (413), decoded
 * as strict UTF-8 (400 with the byte offset), and XML with a DOCTYPE or numbers out of {@link DecimalBounds} refused
 * before any parser sees it.
 */
record SubmitBody(String text, EncodingEnum encoding) {

    private static final long DRAIN_LIMIT = 16L * 1024 * 1024;
    private static final Pattern DOCTYPE = Pattern.compile("<!\\s*(DOCTYPE|ENTITY)", Pattern.CASE_INSENSITIVE);

    static SubmitBody read(HttpServletRequest request, FhirSettings settings) {
        EncodingEnum encoding = encodingOf(request.getContentType());
        long declared = request.getContentLengthLong();
        byte[] bytes;
        try (InputStream in = request.getInputStream()) {
            if (declared > settings.maxBodyBytes()) {
                drain(in);
                throw FhirErrors.tooLarge("body", "the body is " + declared + " bytes; the limit is " + settings.maxBodyBytes() + " bytes");
            }
            bytes = in.readNBytes(settings.maxBodyBytes() + 1);
            if (bytes.length > settings.maxBodyBytes()) {
                drain(in);
                throw FhirErrors.tooLarge("body", "the body is larger than the limit of " + settings.maxBodyBytes() + " bytes");
            }
        } catch (IOException e) {
            throw FhirErrors.badRequest("body", "the body could not be read: " + e.getMessage());
        }
        if (bytes.length == 0) {
            throw FhirErrors.badRequest("body", "the body is empty: send a CoverageEligibilityRequest, a Bundle or a Parameters resource");
        }
        String text = decode(bytes);
        if (encoding == EncodingEnum.XML && DOCTYPE.matcher(text).find()) {
            throw FhirErrors.badRequest("body", "XML with a DOCTYPE or entity declaration is not accepted (external entities are never resolved)");
        }
        DecimalBounds.check(text, encoding);
        return new SubmitBody(text, encoding);
    }

    /**
     * Reads and discards what is left of an oversized body (up to 16 MiB), so that ordinary clients, which send the
     * whole body before reading the answer, receive the 413 instead of a reset connection; beyond that the
     * connection is closed.
     */
    private static void drain(InputStream in) throws IOException {
        long left = DRAIN_LIMIT;
        byte[] sink = new byte[8192];
        int read;
        while (left > 0 && (read = in.read(sink, 0, (int) Math.min(sink.length, left))) >= 0) {
            left -= read;
        }
    }

    static EncodingEnum encodingOf(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            throw FhirErrors.unsupportedMediaType("a Content-Type is required: application/fhir+json, application/json or application/fhir+xml");
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        String charset = contentType.toLowerCase(Locale.ROOT).contains("charset=")
                ? contentType.toLowerCase(Locale.ROOT).replaceAll(".*charset=\"?([^;\"]+).*", "$1").strip() : "utf-8";
        if (!charset.equals("utf-8") && !charset.equals("utf8")) {
            throw FhirErrors.unsupportedMediaType("charset " + charset + " is not supported: send UTF-8");
        }
        switch (type) {
            case "application/fhir+json":
            case "application/json":
            case "application/json+fhir":
                return EncodingEnum.JSON;
            case "application/fhir+xml":
            case "application/xml":
            case "text/xml":
            case "application/xml+fhir":
                return EncodingEnum.XML;
            default:
                throw FhirErrors.unsupportedMediaType("Content-Type " + type
                        + " is not supported: send application/fhir+json, application/json or application/fhir+xml");
        }
    }

    private static String decode(byte[] bytes) {
        int offset = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw FhirErrors.badRequest("body", "the body is not valid UTF-8 (bad byte at offset " + in.position() + ")");
        }
        decoder.flush(out);
        out.flip();
        return out.toString();
    }
}
