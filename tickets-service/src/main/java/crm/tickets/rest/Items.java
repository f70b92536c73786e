package crm.tickets.rest;

import java.util.List;

/** A short, complete list (no paging): suggestions, attachments, linked articles. */
public record Items<T>(List<T> items) {
}
