package dk.carepath.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The demo's generic PDF is a whole PDF: the magic bytes, each object where the cross-reference table says, the end marker. */
class DemoLibraryTest {

    @Test
    void theDemoPdfIsAWholePdfWhoseTableFindsEveryObject() {
        byte[] pdf = DemoLibrary.pdf(List.of("Vej dig hver morgen", "(i samme toej)"));
        String text = new String(pdf, StandardCharsets.US_ASCII);
        assertThat(text).startsWith("%PDF-1.4\n").endsWith("%%EOF\n").contains("\\(i samme toej\\)");
        Matcher start = Pattern.compile("startxref\n(\\d+)\n").matcher(text);
        assertThat(start.find()).isTrue();
        int xref = Integer.parseInt(start.group(1));
        assertThat(text.substring(xref)).startsWith("xref\n0 6\n");
        Matcher entries = Pattern.compile("(\\d{10}) 00000 n ").matcher(text.substring(xref));
        int object = 1;
        while (entries.find()) {
            assertThat(text.substring(Integer.parseInt(entries.group(1)))).startsWith(object + " 0 obj\n");
            object++;
        }
        assertThat(object - 1).isEqualTo(5);
    }
}
