package org.cyl.excellence.organization;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * One uploaded import file, read as a stream as often as the import needs (an upload
 * stays on disk until the request ends): the import never holds a whole file in memory.
 */
@FunctionalInterface
public interface ImportSource {

	InputStream open() throws IOException;

	/** The file's size in bytes, or -1 when unknown. */
	default long size() {
		return -1;
	}

	static ImportSource of(byte[] bytes) {
		return new ImportSource() {

			@Override
			public InputStream open() {
				return new ByteArrayInputStream(bytes);
			}

			@Override
			public long size() {
				return bytes.length;
			}

		};
	}

	static ImportSource of(org.springframework.web.multipart.MultipartFile file) {
		return new ImportSource() {

			@Override
			public InputStream open() throws IOException {
				return file.getInputStream();
			}

			@Override
			public long size() {
				return file.getSize();
			}

		};
	}

}
