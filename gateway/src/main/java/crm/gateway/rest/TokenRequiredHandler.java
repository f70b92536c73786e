package crm.gateway.rest;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;

/**
 * Refuses an API request that came without a token, through {@link ProblemFailureHandler}. Quarkus'
 * permission check would refuse it too, but answers an anonymous caller itself with an empty 401 that no
 * failure handler sees; this check runs first. It relies on proactive authentication, which has settled
 * the identity before it runs. The permission in application.properties stays as the second wall.
 */
@Singleton
class TokenRequiredHandler implements Handler<RoutingContext> {

    @Override
    public void handle(RoutingContext context) {
        if (context.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous()) {
            context.next();
        } else {
            context.fail(401, new UnauthorizedException());
        }
    }
}
