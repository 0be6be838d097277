package th.obec.apimr.cycle;

/** A release that changes the office process, rolled out on an installation with an H2 file database. */
class ModelUpgradeH2IT extends ModelUpgradeScenario {

    @Override
    String[] database() {
        return new String[] {"jdbc:h2:file:" + installation.resolve("data/apimr").toAbsolutePath()
                + ";DB_CLOSE_ON_EXIT=FALSE", "sa", ""};
    }
}
