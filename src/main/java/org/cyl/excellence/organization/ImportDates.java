package org.cyl.excellence.organization;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The date spellings cadres type in their rolls: 2001-03-05, 2001/3/5, 2001.3.5,
 * 2001年3月5日 and 20010305 (an Excel date cell arrives as 2001-03-05).
 */
final class ImportDates {

	static final String SPELLINGS = "2001-03-05、2001/3/5、2001.3.5、2001年3月5日 或 20010305";

	private static final List<Pattern> PATTERNS = List.of(
			Pattern.compile("(\\d{4})\\s*([-/.])\\s*(\\d{1,2})\\s*\\2\\s*(\\d{1,2})"),
			Pattern.compile("(\\d{4})\\s*(年)\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日?"),
			Pattern.compile("(\\d{4})()(\\d{2})(\\d{2})"));

	private ImportDates() {
	}

	/**
	 * The date, or empty when the text is none of the spellings.
	 * @throws java.time.DateTimeException when it is spelt right but does not exist
	 * (2001-02-30)
	 */
	static Optional<LocalDate> parse(String text) {
		for (Pattern pattern : PATTERNS) {
			Matcher m = pattern.matcher(text.trim());
			if (m.matches()) {
				return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(3)),
						Integer.parseInt(m.group(4))));
			}
		}
		return Optional.empty();
	}

}
