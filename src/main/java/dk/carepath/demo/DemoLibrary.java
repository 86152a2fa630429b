package dk.carepath.demo;

import dk.carepath.library.Materials;
import dk.carepath.library.Phrases;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The demo's phrases (a few per clinic and municipality) and generic materials (two links and a
 * one-page PDF), each added once.
 */
@Component
class DemoLibrary {

    private final Phrases phrases;
    private final Materials materials;

    DemoLibrary(Phrases phrases, Materials materials) {
        this.phrases = phrases;
        this.materials = materials;
    }

    void load() {
        List<String[]> clinic = List.of(
                new String[] {"Væskerestriktion", "Borgeren er vejledt om væskerestriktion: højst 1,5 liter i døgnet."},
                new String[] {"Vægtstigning", "Vægtstigning drøftet; borgeren tager ekstra vanddrivende efter aftale og vejer sig i morgen."},
                new String[] {"Medicin øget", "Dosis øget efter aftale med kardiolog; FMK er opdateret, og borgeren er informeret."},
                new String[] {"Ikke truffet", "Forsøgt kontaktet telefonisk uden svar; nyt forsøg i morgen formiddag."});
        phrases.ensureDemo(DemoData.AUH, clinic);
        phrases.ensureDemo(DemoData.GODSTRUP, clinic);
        List<String[]> municipality = List.of(
                new String[] {"Ring tilbage", "Borgeren er ringet op og har fået svar på sit spørgsmål."},
                new String[] {"Henvist til klinikken", "Borgeren er henvist til hjertesvigtsklinikken i dens åbningstid."});
        phrases.ensureDemo(DemoData.AARHUS, municipality);
        phrases.ensureDemo(DemoData.SKANDERBORG, municipality);
        materials.ensureGenericLink("Hjertesvigt (sundhed.dk)", "https://www.sundhed.dk/borger/patienthaandbogen/hjerte-og-blodkar/sygdomme/hjertesvigt/");
        materials.ensureGenericLink("Lev med hjertesvigt (Hjerteforeningen)", "https://hjerteforeningen.dk/alt-om-dit-hjerte/hjertesygdomme/hjertesvigt/");
        materials.ensureGenericPdf("Vej dig hver morgen", "vej-dig-hver-morgen.pdf", pdf(List.of("Vej dig hver morgen",
                "Vej dig hver morgen efter toiletbesoeg og foer morgenmad,", "i samme toej, og send vaegten fra tabletten.",
                "Stiger vaegten mere end 2 kg paa 3 dage, kontakt klinikken.")));
    }

    /** A one-page PDF of these lines (Helvetica; ASCII only), with a correct cross-reference table. */
    static byte[] pdf(List<String> lines) {
        StringBuilder text = new StringBuilder("BT /F1 14 Tf 72 760 Td 18 TL");
        for (String line : lines) {
            text.append(" (").append(line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")).append(") '");
        }
        text.append(" ET");
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
                "<< /Length " + text.length() + " >>\nstream\n" + text + "\nendstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Integer> offsets = new ArrayList<>();
        write(out, "%PDF-1.4\n");
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.size());
            write(out, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
        }
        int xref = out.size();
        StringBuilder table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        offsets.forEach(o -> table.append(String.format("%010d 00000 n \n", o)));
        write(out, table + "trailer\n<< /Size " + (objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" + xref + "\n%%EOF\n");
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
    }
}
