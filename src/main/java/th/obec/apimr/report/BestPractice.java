package th.obec.apimr.report;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A best practice or innovation an office names in its report: the model, whose it is, what it does. */
@Embeddable
class BestPractice {

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "owner_name")
    private String ownerName;

    @Column(name = "description")
    private String description;

    protected BestPractice() {
    }

    BestPractice(String name, String ownerName, String description) {
        this.name = name;
        this.ownerName = ownerName;
        this.description = description;
    }

    String getName() {
        return name;
    }

    String getOwnerName() {
        return ownerName;
    }

    String getDescription() {
        return description;
    }
}
