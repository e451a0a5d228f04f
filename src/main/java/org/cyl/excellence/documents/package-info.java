/**
 * Typesetting of what the application hands out: A4 PDF pages with Chinese text, CSV.
 * API: PdfPages, ChineseText, Csv.
 */
@ApplicationModule(displayName = "文书 · documents", allowedDependencies = {})
package org.cyl.excellence.documents;

import org.springframework.modulith.ApplicationModule;
