package dk.carepath.kpi;

/** Figures as Danish readers write them (decimal comma, one decimal), for the dashboard's templates. */
public final class KpiFormat {

    private KpiFormat() {
    }

    public static String number(Double value) {
        return KpiCsv.number(value);
    }
}
