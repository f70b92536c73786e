package crm.e2e.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * Loads many contacts for one tenant fast: generated inside PostgreSQL ({@code generate_series}) and
 * inserted as the service's own role in tenant-scoped transactions, so row-level security checks every
 * row as it checks the service's, and the table's generated search columns and indexes are maintained
 * as for rows the API writes. (COPY is not allowed into a table under row-level security.) Names,
 * e-mails, phones and cities repeat with realistic frequencies: a common surname matches about one
 * contact in {@code lastNames.length}.
 */
final class ContactLoader {

    static final String[] FIRST_NAMES = {"Anna", "Lena", "Marie", "Sophie", "Hannah", "Emma", "Mia", "Laura",
            "Lea", "Julia", "Sarah", "Katharina", "Johanna", "Clara", "Paula", "Greta", "Jana", "Nina", "Sabine",
            "Petra", "Monika", "Ursula", "Birgit", "Andrea", "Ingrid", "Lukas", "Leon", "Finn", "Jonas", "Paul",
            "Felix", "Elias", "Noah", "Ben", "Max", "Moritz", "Tim", "Jan", "Niklas", "Tobias", "Stefan",
            "Michael", "Thomas", "Andreas", "Markus", "Jürgen", "Klaus", "Wolfgang", "Uwe", "Dieter", "Jörg",
            "Björn", "Sören", "Özlem", "Ayşe", "Mehmet", "Can", "Luca", "Matteo", "Piotr"};
    static final String[] LAST_NAMES = {"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner",
            "Becker", "Schulz", "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder",
            "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt",
            "Werner", "Schmitz", "Krause", "Meier", "Lehmann", "Schmid", "Schulze", "Maier", "Köhler", "Herrmann",
            "König", "Walter", "Mayer", "Huber", "Kaiser", "Fuchs", "Peters", "Lang", "Scholz", "Möller", "Weiß",
            "Jung", "Hahn", "Schubert", "Vogel", "Friedrich", "Keller", "Günther", "Frank", "Berger", "Winkler",
            "Roth", "Beck", "Lorenz", "Baumann", "Franke", "Albrecht", "Schuster", "Simon", "Ludwig", "Böhm",
            "Winter", "Kraus", "Martin", "Schumacher", "Krämer", "Vogt", "Stein", "Jäger", "Otto", "Sommer",
            "Groß", "Seidel", "Heinrich", "Brandt", "Haas", "Schreiber", "Graf", "Schulte", "Dietrich", "Ziegler",
            "Kuhn", "Kühn", "Pohl", "Engel", "Horn", "Busch", "Bergmann", "Thomas", "Voigt", "Sauer", "Arnold",
            "Wolff", "Pfeiffer", "Yılmaz", "Kaya", "Nowak", "Kowalski", "Rossi", "Popescu", "Ivanova", "Nguyen"};
    static final String[] CITIES = {"Berlin", "Hamburg", "München", "Köln", "Frankfurt am Main", "Stuttgart",
            "Düsseldorf", "Leipzig", "Dortmund", "Essen", "Bremen", "Dresden", "Hannover", "Nürnberg", "Duisburg",
            "Bochum", "Wuppertal", "Bielefeld", "Bonn", "Münster", "Mannheim", "Karlsruhe", "Augsburg",
            "Wiesbaden", "Mönchengladbach", "Gelsenkirchen", "Aachen", "Braunschweig", "Kiel", "Chemnitz",
            "Halle (Saale)", "Magdeburg", "Freiburg im Breisgau", "Krefeld", "Mainz", "Lübeck", "Erfurt",
            "Oberhausen", "Rostock", "Kassel", "Wien", "Graz", "Linz", "Salzburg", "Zürich", "Basel", "Bern"};

    private static final int BATCH = 50_000;

    private static final String INSERT = """
            with pick as (
                select g,
                       (?::text[])[1 + (g * 7) % ?] as first_name,
                       (?::text[])[1 + (g * 13) % ?] as last_name,
                       (?::text[])[1 + (g * 17) % ?] as city
                  from generate_series(?::bigint, ?::bigint) g
            ), person as (
                select g, first_name, last_name, city,
                       lower(translate(first_name || '.' || last_name, 'äöüÄÖÜßıİşŞ ', 'aouaousiiss'))
                           || g || '@example.com' as email,
                       '+49' || (30 + g % 70) || lpad(((g * 7919) % 10000000)::text, 7, '0') as phone
                  from pick
            )
            insert into contact (id, first_name, last_name, email, phone, emails, phones, addresses,
                                 lifecycle_stage, tags, created_by)
            select gen_random_uuid(), first_name, last_name, email, phone,
                   jsonb_build_array(jsonb_build_object('type', 'work', 'address', email, 'primary', true)),
                   jsonb_build_array(jsonb_build_object('type', 'mobile', 'number', phone, 'primary', true)),
                   jsonb_build_array(jsonb_build_object('street', 'Hauptstraße ' || (1 + g % 120),
                       'postalCode', lpad((10000 + (g * 31) % 89999)::text, 5, '0'), 'city', city, 'country', 'DE')),
                   (array['prospect', 'customer', 'former_customer'])[1 + g % 3],
                   case when g % 20 = 0 then array['vip'] else array[]::text[] end,
                   'bench'
              from person
            """;

    private ContactLoader() {
    }

    static void load(BenchSystem system, String tenant, long count) throws Exception {
        try (Connection connection = system.connectAsService("contacts")) {
            connection.setAutoCommit(false);
            Array firsts = connection.createArrayOf("text", FIRST_NAMES);
            Array lasts = connection.createArrayOf("text", LAST_NAMES);
            Array cities = connection.createArrayOf("text", CITIES);
            long started = System.nanoTime();
            for (long from = 1; from <= count; from += BATCH) {
                long to = Math.min(count, from + BATCH - 1);
                try (PreparedStatement scope = connection.prepareStatement(ContactInsertSql.SCOPE);
                     PreparedStatement insert = connection.prepareStatement(INSERT)) {
                    scope.setString(1, tenant);
                    scope.execute();
                    insert.setArray(1, firsts);
                    insert.setInt(2, FIRST_NAMES.length);
                    insert.setArray(3, lasts);
                    insert.setInt(4, LAST_NAMES.length);
                    insert.setArray(5, cities);
                    insert.setInt(6, CITIES.length);
                    insert.setLong(7, from);
                    insert.setLong(8, to);
                    insert.executeUpdate();
                }
                connection.commit();
                BenchContext.progress("loaded %,d of %,d contacts (%d s)", to, count,
                        (System.nanoTime() - started) / 1_000_000_000L);
            }
            connection.setAutoCommit(true);
            try (Statement analyze = connection.createStatement()) {
                analyze.execute("analyze contact");
            }
        }
    }
}
