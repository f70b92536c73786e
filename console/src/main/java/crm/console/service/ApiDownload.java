package crm.console.service;

/** A file the API produced (CSV, JSON), passed on to the user as it came. */
public record ApiDownload(int status, String contentType, byte[] content) {

    public boolean ok() {
        return status >= 200 && status < 300;
    }
}
