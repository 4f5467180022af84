package vn.binhyen.bulletins;

/** No such bulletin, or not one this reader may see. */
public class BulletinNotFoundException extends RuntimeException {

    public BulletinNotFoundException(long id) {
        super("No bulletin " + id);
    }
}
