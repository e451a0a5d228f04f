package org.cyl.excellence.appraisal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.cyl.excellence.ApplicationTest;
import org.cyl.excellence.FromAddress;
import org.cyl.excellence.FromAddress.Response;
import org.cyl.excellence.campaign.CampaignTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ballot links of the printed sheet (text and QR codes) and of the CSV point to the
 * public address (app.public-url; in the tests its default, this machine at the server's
 * port), whatever {@code Host} the request claimed.
 */
@ApplicationTest
class BallotLinkTests {

	private static final Pattern QR = Pattern.compile("data:image/png;base64,([A-Za-z0-9+/=]+)");

	private static final Pattern URL = Pattern.compile("https?://[^\\s\"'<>,]+");

	@Autowired
	CampaignTestSupport support;

	@LocalServerPort
	int port;

	@Test
	void ballotLinksUseThePublicAddressWhateverHostIsClaimed() throws Exception {
		ProcessInstance appraisal = this.support.startAppraisal("PU" + System.nanoTime() % 100000);
		String id = this.support.initiateAppraisal(appraisal.getId(), 3);
		String publicBallot = "http://localhost:" + this.port + "/ballot/";
		Map<String, String> forged = Map.of("Host", "evil.example", "Authorization",
				FromAddress.basicCredentials("admin", "admin"));
		FromAddress client = new FromAddress("127.0.0.1", this.port);

		Response csv = client.send("GET", "/api/appraisals/" + id + "/ballots.csv", forged, null);
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.body()).doesNotContain("evil.example");
		assertThat(links(csv.body())).hasSize(3).allSatisfy((l) -> assertThat(l).startsWith(publicBallot));

		Response sheet = client.send("GET", "/appraisals/" + id + "/ballots", forged, null);
		assertThat(sheet.status()).isEqualTo(200);
		assertThat(sheet.body()).doesNotContain("evil.example").contains(publicBallot);
		List<String> codes = QR.matcher(sheet.body()).results().map((m) -> m.group(1)).toList();
		assertThat(codes).hasSize(3);
		for (String code : codes) {
			assertThat(decode(code)).startsWith(publicBallot);
		}
	}

	private static List<String> links(String text) {
		Matcher m = URL.matcher(text);
		return m.results().map((r) -> r.group()).toList();
	}

	private static String decode(String base64Png) throws IOException, com.google.zxing.ReaderException {
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(base64Png)));
		// PURE_BARCODE: the image is the generated code alone; the detector of a camera
		// photo missed about 1 in 170 random links
		return new QRCodeReader()
			.decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
					java.util.Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, Boolean.TRUE))
			.getText();
	}

}
