package th.obec.apimr.office;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

/**
 * A row of imported reference data, keyed by its code from the file. It tells Spring Data whether it is new, so
 * that saving a new row inserts it without first looking for it by its (assigned) code.
 */
@MappedSuperclass
abstract class ImportedRow implements Persistable<String> {

    @Transient
    private boolean isNew;

    /** Marks a row made from the file, not loaded from the database. */
    protected void markNew() {
        this.isNew = true;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    @PostLoad
    @PostPersist
    void markPersisted() {
        isNew = false;
    }
}
