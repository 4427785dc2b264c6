/** Token validation and unit scoping shared by the services. */
package vn.cchc.security;
