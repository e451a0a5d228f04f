import java.awt.*;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

/**
 * Draws the web app's icons (static/icons): the League's star and 创优 in white on the
 * platform's red, plain and maskable (the middle 80 % safe). Not part of the build; run
 * once after a change and commit the PNGs:
 * {@code java src/etc/Icons.java src/main/resources/static/icons} (needs the font
 * WenQuanYi Micro Hei, Debian's fonts-wqy-microhei).
 */
public class Icons {
	public static void main(String[] args) throws Exception {
		String dir = args[0];
		draw(192, false, dir + "/icon-192.png");
		draw(512, false, dir + "/icon-512.png");
		draw(512, true, dir + "/icon-maskable-512.png");
		draw(180, false, dir + "/apple-touch-icon.png");
	}

	static void draw(int size, boolean maskable, String file) throws Exception {
		BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = img.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setPaint(new GradientPaint(0, 0, new Color(0xc8161d), size, size, new Color(0x8f0e13)));
		g.fillRect(0, 0, size, size);
		// safe zone for maskable icons: the middle 80 %
		double scale = maskable ? 0.7 : 0.9;
		// a star (the League's) above, 创优 below
		g.setColor(new Color(0xffd54f));
		star(g, size / 2.0, size * (maskable ? 0.34 : 0.3), size * 0.13 * scale / 0.9);
		g.setColor(Color.WHITE);
		Font font = new Font("WenQuanYi Micro Hei", Font.BOLD, (int) (size * 0.3 * scale));
		g.setFont(font);
		String text = "创优";
		FontMetrics fm = g.getFontMetrics();
		int x = (size - fm.stringWidth(text)) / 2;
		int y = (int) (size * (maskable ? 0.68 : 0.74));
		g.drawString(text, x, y);
		g.dispose();
		ImageIO.write(img, "png", new File(file));
	}

	static void star(Graphics2D g, double cx, double cy, double r) {
		Polygon p = new Polygon();
		for (int i = 0; i < 10; i++) {
			double rr = (i % 2 == 0) ? r : r * 0.4;
			double a = Math.PI / 2 + i * Math.PI / 5;
			p.addPoint((int) Math.round(cx + rr * Math.cos(a)), (int) Math.round(cy - rr * Math.sin(a)));
		}
		g.fillPolygon(p);
	}
}
