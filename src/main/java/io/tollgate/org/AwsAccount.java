package io.tollgate.org;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** An AWS account, bound to exactly one team and one environment (one account per environment). */
@Entity
@Table(name = "aws_account")
public class AwsAccount extends PanacheEntity {

    /** The 12-digit AWS account id. */
    @Column(name = "account_id", nullable = false, unique = true, length = 12)
    public String accountId;

    @Column(nullable = false)
    public String name;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "team_id")
    public Team team;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "environment_id")
    public Environment environment;

    /** The role Tollgate's collector assumes in this account. */
    @Column(name = "role_arn")
    public String roleArn;

    @Column(name = "external_id")
    public String externalId;

    /** The AWS Organizations OU the account sits in, when known. */
    @Column(name = "organizational_unit")
    public String organizationalUnit;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Optional<AwsAccount> findByAccountId(String accountId) {
        return find("from AwsAccount a join fetch a.team join fetch a.environment where a.accountId = ?1", accountId)
                .firstResultOptional();
    }

    public static List<AwsAccount> ofTeam(Team team) {
        return find("from AwsAccount a join fetch a.environment where a.team = ?1 order by a.environment.position, a.accountId",
                team).list();
    }
}
