package crm.leads.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import crm.leads.domain.RoutingRules;
import crm.leads.domain.ScoringRules;
import crm.leads.domain.SlaPolicy;
import crm.leads.domain.Territories;
import crm.leads.repository.LeadConfigRepository;
import crm.leads.repository.LeadConfigRepository.Kind;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;

/** The tenant's rules as typed values, with the defaults where HQ has not configured anything yet. */
@ApplicationScoped
public class LeadRules {

    /** All four rule documents of a tenant. */
    public record RuleSet(ScoringRules scoring, Territories territories, RoutingRules routing, SlaPolicy sla) {
    }

    /** One rule document and its version (0: the defaults, never stored). */
    public record Versioned<T>(T value, int version) {
    }

    private final LeadConfigRepository configs;
    private final ObjectMapper mapper;

    public LeadRules(LeadConfigRepository configs, ObjectMapper mapper) {
        this.configs = configs;
        this.mapper = mapper;
    }

    public Uni<RuleSet> load(SqlConnection tx) {
        return configs.findAll(tx).map(stored -> new RuleSet(
                read(stored, Kind.SCORING, ScoringRules.class, ScoringRules.defaults()),
                read(stored, Kind.TERRITORIES, Territories.class, Territories.none()),
                read(stored, Kind.ROUTING, RoutingRules.class, RoutingRules.none()),
                read(stored, Kind.SLA, SlaPolicy.class, SlaPolicy.defaults())));
    }

    public <T> Uni<Versioned<T>> find(SqlConnection tx, Kind kind, Class<T> type, T defaults) {
        return configs.find(tx, kind).map(found -> found
                .map(s -> new Versioned<>(parse(s.body(), type), s.version()))
                .orElseGet(() -> new Versioned<>(defaults, 0)));
    }

    private <T> T read(Map<Kind, LeadConfigRepository.Stored> stored, Kind kind, Class<T> type, T defaults) {
        return Optional.ofNullable(stored.get(kind)).map(s -> parse(s.body(), type)).orElse(defaults);
    }

    private <T> T parse(String body, Class<T> type) {
        try {
            return mapper.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + type.getSimpleName() + " cannot be read", e);
        }
    }
}
