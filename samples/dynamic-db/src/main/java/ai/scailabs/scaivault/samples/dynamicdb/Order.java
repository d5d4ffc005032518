package ai.scailabs.scaivault.samples.dynamicdb;

/**
 * An order.
 *
 * @param id the id
 * @param item what was ordered
 * @param createdBy the database user (a leased account) that wrote the row
 */
public record Order(long id, String item, String createdBy) {

}
