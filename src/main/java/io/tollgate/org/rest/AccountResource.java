package io.tollgate.org.rest;

import io.quarkus.security.Authenticated;
import io.tollgate.org.rest.OrgViews.AccountView;
import io.tollgate.org.service.AccountDraft;
import io.tollgate.org.service.AccountService;
import io.tollgate.platform.PageRequest;
import io.tollgate.platform.Paged;
import io.tollgate.security.CurrentViewer;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/accounts")
@Authenticated
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Organisation")
public class AccountResource {

    @Inject
    AccountService accounts;

    @Inject
    CurrentViewer viewer;

    @GET
    public Paged<AccountView> list(@QueryParam("team") String team, @QueryParam("environment") String environment,
                                   @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return accounts.search(viewer.get(), new AccountService.AccountQuery(team, environment), PageRequest.of(page, size))
                .map(AccountView::of);
    }

    /** Registers an account with a team and environment; an account id already bound elsewhere answers 409. */
    @POST
    public Response register(AccountDraft draft, UriInfo uri) {
        AccountView created = AccountView.of(accounts.register(viewer.get(), draft));
        return Response.created(uri.getAbsolutePathBuilder().path(created.accountId()).build()).entity(created).build();
    }

    @GET
    @Path("/{accountId}")
    public AccountView get(@PathParam("accountId") String accountId) {
        return AccountView.of(accounts.get(viewer.get(), accountId));
    }

    @PUT
    @Path("/{accountId}")
    public AccountView update(@PathParam("accountId") String accountId, AccountDraft draft) {
        return AccountView.of(accounts.update(viewer.get(), accountId, draft));
    }

    @DELETE
    @Path("/{accountId}")
    public Response remove(@PathParam("accountId") String accountId) {
        accounts.remove(viewer.get(), accountId);
        return Response.noContent().build();
    }
}
