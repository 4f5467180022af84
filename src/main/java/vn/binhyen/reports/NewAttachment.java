package vn.binhyen.reports;

/** A file a resident or officer attaches to a tip, as received. */
public record NewAttachment(String fileName, byte[] content) {

    @Override
    public String toString() {
        return "NewAttachment[" + fileName + ", " + content.length + " bytes]";
    }
}
