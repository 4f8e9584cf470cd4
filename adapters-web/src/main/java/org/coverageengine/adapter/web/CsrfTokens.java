package org.coverageengine.adapter.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Cross-site request forgery protection for the forms that POST: a random token in a SameSite=Strict, HttpOnly cookie
 * that the form repeats in a hidden field. Another site can make a browser send the cookie, but cannot read it to
 * write the field, so a forged POST never carries both.
 */
final class CsrfTokens {

    static final String COOKIE = "cpe_csrf";
    static final String FIELD = "csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private CsrfTokens() {
    }

    /** The token of this browser, set as a cookie when it has none (or a malformed one). */
    static String issue(HttpServletRequest request, HttpServletResponse response) {
        String existing = fromCookie(request);
        if (existing != null) {
            return existing;
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        response.addHeader("Set-Cookie", COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Strict" + (request.isSecure() ? "; Secure" : ""));
        return token;
    }

    /** True when the request's form field repeats its cookie's token exactly. */
    static boolean valid(HttpServletRequest request) {
        String cookie = fromCookie(request);
        String field = request.getParameter(FIELD);
        return cookie != null && field != null
                && MessageDigest.isEqual(cookie.getBytes(StandardCharsets.US_ASCII), field.getBytes(StandardCharsets.US_ASCII));
    }

    private static String fromCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName()) && cookie.getValue() != null && cookie.getValue().matches("[A-Za-z0-9_-]{43}")) {
                return cookie.getValue();
            }
        }
        return null;
    }
}
