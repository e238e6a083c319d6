package io.pgdispatch.auth.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.pgdispatch.auth.store.LinkSessionStore;
import io.pgdispatch.contract.auth.v1.AbandonLinkSessionRequest;
import io.pgdispatch.contract.auth.v1.AuthService;
import io.pgdispatch.contract.auth.v1.AwaitLinkSessionRequest;
import io.pgdispatch.contract.auth.v1.AwaitLinkSessionResponse;
import io.pgdispatch.contract.auth.v1.CreateLinkSessionRequest;
import io.pgdispatch.contract.auth.v1.CreateLinkSessionResponse;
import io.pgdispatch.contract.auth.v1.LinkState;
import io.pgdispatch.testing.ControlPlaneDatabase;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The proxy's side of login links against the real database: a new session waits pending, and ends abandoned or
 * expired; a session decided once stays so. Confirmation through the page is shown end to end by the system tests.
 */
@QuarkusTest
@QuarkusTestResource(ControlPlaneDatabase.class)
class LinkSessionGrpcTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @GrpcClient("auth")
    AuthService auth;

    @Inject
    LinkSessionStore store;

    @Test
    void aNewSessionHasAnUnguessableLinkAndWaitsPending() {
        CreateLinkSessionResponse first = create();
        CreateLinkSessionResponse second = create();

        assertEquals(43, first.getLinkId().length(), "256 random bits, base64url");
        assertNotEquals(first.getLinkId(), second.getLinkId());
        assertEquals("http://127.0.0.1:8081/link/" + first.getLinkId(), first.getUrl());
        long untilExpiry = first.getExpiresAtEpochMs() - System.currentTimeMillis();
        assertTrue(untilExpiry > 100_000 && untilExpiry <= 120_000, "two minutes by default: " + untilExpiry);
        assertEquals(LinkState.LINK_PENDING, await(first.getLinkId(), 300).getState());
    }

    @Test
    void aSessionWhoseClientWentAwayStaysAbandoned() {
        String link = create().getLinkId();
        auth.abandonLinkSession(AbandonLinkSessionRequest.newBuilder().setLinkId(link).build())
            .await().atMost(TIMEOUT);

        AwaitLinkSessionResponse answer = await(link, 5_000);
        assertEquals(LinkState.LINK_ABANDONED, answer.getState());
        assertEquals("", answer.getAccountId());
        assertEquals("", answer.getRoleName());
    }

    @Test
    void aPendingSessionPastItsExpiryAnswersExpired() throws InterruptedException {
        String link = store.create("192.0.2.7", Duration.ofMillis(300)).await().atMost(TIMEOUT).id();
        Thread.sleep(400);

        assertEquals(LinkState.LINK_EXPIRED, await(link, 1_000).getState());
    }

    @Test
    void anUnknownLinkIsNotFound() {
        StatusRuntimeException error = assertThrows(StatusRuntimeException.class,
            () -> await("not-a-link", 100));
        assertEquals(Status.Code.NOT_FOUND, error.getStatus().getCode());
    }

    private CreateLinkSessionResponse create() {
        return auth.createLinkSession(CreateLinkSessionRequest.newBuilder().setClientAddress("192.0.2.7").build())
            .await().atMost(TIMEOUT);
    }

    private AwaitLinkSessionResponse await(String link, int waitMillis) {
        return auth.awaitLinkSession(AwaitLinkSessionRequest.newBuilder().setLinkId(link).setWaitMs(waitMillis)
            .build()).await().atMost(TIMEOUT);
    }
}
