package th.obec.apimr.cycle;

/** The end-to-end cycle on the default embedded database. */
class CycleEndToEndH2IT extends CycleEndToEndScenario {
}
