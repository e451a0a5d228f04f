package org.cyl.excellence.appraisal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ballots' single-use tokens. A token is HMAC-SHA256(server secret, appraisal +
 * ballot number), 256 bits in base64url: unguessable without the secret, and the
 * committee can print the sheet again without the database holding any token — the
 * database keeps only each token's SHA-256 hash. The secret is made from a secure random
 * source on first start and kept in {@code app_secret}.
 */
@Component
public class BallotTokens {

	private static final String SECRET = "ballot-token-secret";

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private volatile byte[] secret;

	BallotTokens(JdbcClient jdbc, TransactionTemplate transaction) {
		this.jdbc = jdbc;
		this.transaction = transaction;
	}

	/** The token of ballot number {@code ballot} (from 0) of the appraisal. */
	public String token(String appraisalId, int ballot) {
		return token(secret(), appraisalId, ballot);
	}

	/**
	 * The token of ballot number {@code ballot} of the appraisal under that secret (the
	 * decoded {@code app_secret} value).
	 */
	public static String token(byte[] secret, String appraisalId, int ballot) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret, "HmacSHA256"));
			byte[] raw = mac.doFinal((appraisalId + ":" + ballot).getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** What the database keeps of a token: its SHA-256, hex. */
	public static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private byte[] secret() {
		byte[] s = this.secret;
		if (s == null) {
			s = this.transaction.execute((status) -> {
				String stored = this.jdbc.sql("select secret_value from app_secret where name = ?")
					.param(SECRET)
					.query(String.class)
					.optional()
					.orElse(null);
				if (stored == null) {
					byte[] fresh = new byte[32];
					new SecureRandom().nextBytes(fresh);
					stored = Base64.getEncoder().encodeToString(fresh);
					this.jdbc.sql("insert into app_secret (name, secret_value) values (?, ?)")
						.params(SECRET, stored)
						.update();
				}
				return Base64.getDecoder().decode(stored);
			});
			this.secret = s;
		}
		return s;
	}

}
