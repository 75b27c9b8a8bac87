package io.tollgate.security;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;

/**
 * RFC 6238 time-based one-time passwords: SHA-1, 6 digits, 30-second steps. A code is good during its own step and the
 * one after it (for a code typed just before the step ended), never before its step: at most 60 seconds in all.
 */
@ApplicationScoped
public class TotpAuthenticator {

    static final int PERIOD_SECONDS = 30;
    private static final int DIGITS = 6;
    private static final int LATE_STEPS_ALLOWED = 1;

    private final DefaultCodeGenerator generator = new DefaultCodeGenerator(HashingAlgorithm.SHA1, DIGITS);
    private final DefaultSecretGenerator secrets = new DefaultSecretGenerator(32);

    public String newSecret() {
        return secrets.generate();
    }

    /** The {@code otpauth://} URI that authenticator apps read from the QR code. */
    public String provisioningUri(String issuer, String account, String secret) {
        String label = encode(issuer) + ":" + encode(account);
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + PERIOD_SECONDS;
    }

    /**
     * The time step a code belongs to, if it is valid now and newer than {@code lastUsedStep}: a code is accepted
     * only once, so a code seen over someone's shoulder cannot be replayed.
     */
    public OptionalLong acceptedStep(String secret, String code, long lastUsedStep, Instant now) {
        String digits = code == null ? "" : code.replaceAll("\\s", "");
        if (!digits.matches("\\d{" + DIGITS + "}")) {
            return OptionalLong.empty();
        }
        long current = now.getEpochSecond() / PERIOD_SECONDS;
        for (long step = current - LATE_STEPS_ALLOWED; step <= current; step++) {
            if (step > lastUsedStep && MessageDigest.isEqual(
                    codeAt(secret, step).getBytes(StandardCharsets.US_ASCII), digits.getBytes(StandardCharsets.US_ASCII))) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    /** The code of a time step; what an authenticator app shows during that step. */
    public String codeAt(String secret, long step) {
        try {
            return generator.generate(secret, step);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException("Could not compute a TOTP code", e);
        }
    }

    /** The URI as a QR code in SVG, drawn as one path so that it needs no script and no image request. */
    public String qrCodeSvg(String uri) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(uri, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
            StringBuilder path = new StringBuilder();
            for (int y = 0; y < matrix.getHeight(); y++) {
                for (int x = 0; x < matrix.getWidth(); x++) {
                    if (matrix.get(x, y)) {
                        path.append('M').append(x).append(',').append(y).append("h1v1h-1z");
                    }
                }
            }
            return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + matrix.getWidth() + " " + matrix.getHeight()
                    + "\" width=\"220\" height=\"220\" role=\"img\" aria-label=\"QR code for your authenticator app\">"
                    + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
        } catch (WriterException e) {
            throw new IllegalStateException("Could not draw the QR code", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
